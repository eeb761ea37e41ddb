import type { Locale } from "./locales.ts";
import { en } from "./messages/en.ts";
import { nb } from "./messages/nb.ts";
import { nn } from "./messages/nn.ts";
import type { Messages } from "./translate.ts";

/**
 * Every language's messages, for the server, the scripts and the tests. The browser's build gets
 * `catalogues.browser.ts` in its place (scripts/vite-client-catalogues.ts): bokmål, and the page's
 * own language loaded before hydration, not all three.
 */
export const catalogues: Record<Locale, Messages> = { nb, nn, en };

/** On the server every language is loaded already. */
export async function loadCatalogue(_locale: Locale): Promise<void> {}
