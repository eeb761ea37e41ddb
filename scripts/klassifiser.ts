// npm run --silent klassifiser -- "<tekst>" [--nn]: prints the classifier's JSON answer for one description.
import { loadCatalogueFromDisk } from "../app/features/classifier/catalogue.ts";
import { classify, MAX_TEXT_LENGTH } from "../app/features/classifier/classify.ts";

const args = process.argv.slice(2);
const locale = args.includes("--nn") ? "nn" : "nb";
const text = args
  .filter((a) => !a.startsWith("--"))
  .join(" ")
  .trim();
if (!text) {
  process.stderr.write(
    'Skriv en kort beskrivelse, for eksempel: npm run --silent klassifiser -- "karakter i samisk"\n',
  );
  process.exit(2);
}
if (text.length > MAX_TEXT_LENGTH) {
  process.stderr.write(`Teksten er for lang: høyst ${MAX_TEXT_LENGTH} tegn (den har ${text.length}).\n`);
  process.exit(2);
}
process.stdout.write(`${JSON.stringify(classify(text, loadCatalogueFromDisk(), locale), null, 2)}\n`);
