// Serves the API by hand for development: `NEO4J_URI=bolt://127.0.0.1:7702 PORT=4101 npx tsx api/dev/serve.ts`.
// (npm start, the lead's scripts/start.ts, is the real entry point.)
import { connect } from '../../db/neo4j.js';
import { startServer } from '../server.js';

const conn = await connect();
const server = await startServer({
  driver: conn.driver,
  database: conn.database,
  port: Number(process.env.PORT ?? 4101),
  host: '127.0.0.1',
  uiDir: process.env.UI_DIR,
});
console.log(`API at ${server.url}/graphql, GraphiQL at ${server.url}/graphiql/`);
const stop = async () => {
  await server.close();
  await conn.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
