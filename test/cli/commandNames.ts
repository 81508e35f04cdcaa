/** The commands of icity that take flags, as the tests walk them. */
export const COMMAND_NAMES = ['run', 'experiment', 'calibrate', 'worker', 'summarise', 'validate', 'schema', 'view'] as const;
