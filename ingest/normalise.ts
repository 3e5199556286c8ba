// The matching form of policy text lives in the bottom layer (model/text.ts), shared with db/;
// ingest modules keep importing it from here.
export * from '../model/text.js';
