import { main } from './cli.js';

// The `polku` executable: exit with the command's code once it is done.
process.exitCode = await main(process.argv.slice(2));
