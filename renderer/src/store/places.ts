export { PLACES, type Place } from '../../../shared/menuCommands.js';
