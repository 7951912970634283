// pouchdb-server's client side in the peer benchmark (node, PouchDB with its default LevelDB
// adapter on disk, NODE_PATH pointing at the bench's own node_modules):
//   fill DIR RECORDS.json   a local database holding one document per record (_id = its id)
//   replicate FROM TO       one PouchDB.replicate with its default options; FROM / TO are a
//                           local folder or a database URL
//   sync LOCAL REMOTE       one two-way PouchDB.sync (push and pull at once), as an app does
// Prints one JSON line.
"use strict";
const fs = require("fs");
const PouchDB = require("pouchdb");

async function fill(dir, recordsFile) {
  const records = JSON.parse(fs.readFileSync(recordsFile, "utf8"));
  const db = new PouchDB(dir);
  const docs = records.map((r) => Object.assign({ _id: r.id }, r));
  const results = await db.bulkDocs(docs);
  const failed = results.filter((r) => r.error).length;
  const info = await db.info();
  await db.close();
  return { docs: info.doc_count, failed };
}

async function replicate(from, to) {
  const source = new PouchDB(from);
  const target = new PouchDB(to);
  const result = await PouchDB.replicate(source, target);
  const info = await target.info();
  await source.close();
  await target.close();
  return { ok: result.ok, docs_read: result.docs_read, docs_written: result.docs_written,
           target_docs: info.doc_count };
}

async function sync(local, remote) {
  const db = new PouchDB(local);
  const result = await PouchDB.sync(db, remote);
  const info = await db.info();
  await db.close();
  return { pushed: result.push.docs_written, pulled: result.pull.docs_written,
           local_docs: info.doc_count };
}

async function main() {
  const [cmd, a, b] = process.argv.slice(2);
  if (cmd === "fill") return fill(a, b);
  if (cmd === "replicate") return replicate(a, b);
  if (cmd === "sync") return sync(a, b);
  throw new Error("unknown command " + cmd);
}

main().then(
  (out) => { process.stdout.write(JSON.stringify(out) + "\n"); },
  (err) => { process.stderr.write(String(err && err.stack || err) + "\n"); process.exit(1); },
);
