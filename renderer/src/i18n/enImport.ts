// English messages of the Import place's tools: column mapping, reading
// options, warnings, merges and recorded changes. Spread into `en`.
import type { Catalogue } from './types.js';

export const enImport = {
  'import.mapColumns': 'Map columns',
  'import.mappingTitle': 'Map the columns of {file}',
  'import.mappingIntro':
    'Say which records the file holds and which field each column goes to. Check first to see what would be written; nothing is written until you import.',
  'import.mappingColumns': { one: '{count} column', other: '{count} columns' },
  'import.delimiter.comma': 'comma-separated',
  'import.delimiter.semicolon': 'semicolon-separated',
  'import.delimiter.tab': 'tab-separated',
  'import.delimiter.pipe': 'pipe-separated',
  'import.mappingEntity': 'The file holds',
  'import.mappingSource': 'Source system',
  'import.mappingSourcePlaceholder': 'e.g. salesforce (empty: {source})',
  'import.mappingSourceHint':
    'Name the system this file came from, such as salesforce or stripe; it starts as “{source}”, the usual source of these records. A record is identified by its source and id, so use the same name for every file from one system: the same id from another source is another record.',
  'import.mappingSourceInvalid':
    'Use letters, digits, spaces, dots, underscores or hyphens (at most 60).',
  'import.col.fileColumn': 'Column in the file',
  'import.col.samples': 'First values',
  'import.col.field': 'Field',
  'import.noSamples': 'empty',
  'import.fieldFor': 'Field for {column}',
  'import.leaveOut': 'Leave out',
  'import.fieldOption': '{label} ({kind})',
  'import.kind.text': 'text',
  'import.kind.integer': 'whole number',
  'import.kind.money': 'money',
  'import.kind.date': 'date',
  'import.kind.instant': 'date and time',
  'import.kind.flag': 'yes/no',
  'import.or': 'or',
  'import.savedMatch':
    'This header matches the saved mapping “{name}”; its choices are filled in.',
  'import.mappingComplete': 'Every required field is mapped.',
  'import.mappingMissing': 'Still to map: {fields}.',
  'import.mappingRepeated':
    'Each field can take one column only: {fields} is chosen more than once.',
  'import.mappingSaveAs': 'Save this mapping as',
  'import.mappingSaveAsHint': 'optional name',
  'import.mappedWith': 'Read with the mapping “{name}”',
  'import.savedMappings': 'Saved mappings',
  'import.savedMappingsIntro':
    'A file whose header matches a saved mapping is read with it, and the mapping view fills it in.',
  'import.col.name': 'Name',
  'import.col.source': 'Source',
  'import.col.columns': 'Mapped columns',
  'import.col.updated': 'Saved',
  'import.deleteMapping': 'Delete',
  'import.deleteMappingConfirm': 'Click again to delete',

  'import.readingTitle': 'Reading options',
  'import.readingHint':
    'These apply to every file of the next check or import; “From the file” lets each file decide for itself. To read one file differently, set an option here, then check that file again from its row in the results.',
  'import.dateOrder': 'Date order',
  'import.dateOrder.dmy': 'Day first (31/12/2024)',
  'import.dateOrder.mdy': 'Month first (12/31/2024)',
  'import.dateOrder.ymd': 'Year first (2024/12/31)',
  'import.fromFile': 'From the file',
  'import.currency': 'Currency for rows without one',
  'import.currencyHint': 'e.g. EUR',
  'import.currencyInvalid': 'A currency is a three-letter code such as USD.',
  'import.decimalMark': 'Decimal mark',
  'import.decimalPoint': 'Point (1,234.56)',
  'import.decimalComma': 'Comma (1.234,56)',

  'import.deletedQuestion': 'Rows of records deleted earlier',
  'import.deletedExplain':
    'Some rows are records that were deleted in this workspace. Choose what the import does with them.',
  'import.deletedSkip': 'Skip them: the records stay deleted',
  'import.deletedRestore': 'Restore them from the file',
  'import.importAgain': 'Import again',

  'import.merge': 'Merge',
  'import.mergeKeep': 'Keep:',
  'import.merges': 'Merges',
  'import.duplicatesNone': 'No likely duplicates left.',
  'import.col.mergedAt': 'Merged',
  'import.col.kept': 'Kept',
  'import.col.merged': 'Merged into it',
  'import.col.moved': 'Records moved',
  'import.unmerge': 'Undo',
  'import.unmerged': 'Undone {time}',

  'import.showChanges': 'Show changes',
  'import.changesOf': 'Changes made by {file}',
  'import.changesIntro':
    'Fields this import changed in records an earlier import had written.',
  'import.changesNone': 'This import changed no field of an existing record.',
  'import.changesRange': '{first}–{last} of {count}',
  'import.col.record': 'Record',
  'import.col.before': 'Before',
  'import.col.after': 'After',
  'import.pagePrevious': 'Previous',
  'import.pageNext': 'Next',
} as const satisfies Catalogue;
