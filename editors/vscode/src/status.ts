// What the status bar says about a draft's publication date, from the server's answer to
// `copydesk/publicationDate`. No `vscode` import: unit tests run it under plain Node.

export const PUBLICATION_DATE_METHOD = "copydesk/publicationDate";

/** The server's answer: `{"date": "2022-02-28", "source": ..., "description": ...}` or null. */
export interface PublicationDate {
  date: string;
  source: "frontMatter" | "setting" | "assumed" | string;
  description: string;
}

export interface StatusText {
  /** The status bar text, with a codicon. */
  text: string;
  tooltip: string;
  /** True when the date was assumed (today): shown as a warning. */
  warning: boolean;
}

function isPublicationDate(value: unknown): value is PublicationDate {
  return (
    value !== null &&
    typeof value === "object" &&
    typeof (value as PublicationDate).date === "string" &&
    typeof (value as PublicationDate).source === "string"
  );
}

/** "Monday, Feb. 28, 2022 (from the front matter)" -> "Feb. 28, 2022". */
export function shortDate(answer: PublicationDate): string {
  const description = typeof answer.description === "string" ? answer.description : "";
  const withoutSource = description.replace(/\s*\([^)]*\)\s*$/, "").trim();
  const withoutWeekday = withoutSource.replace(/^[A-Za-z]+day,\s*/, "").trim();
  return withoutWeekday !== "" ? withoutWeekday : answer.date;
}

/** The status bar item for an answer, or undefined to hide it (no answer, not checked). */
export function statusFor(answer: unknown): StatusText | undefined {
  if (!isPublicationDate(answer)) {
    return undefined;
  }
  const label = shortDate(answer);
  const full = answer.description || answer.date;
  switch (answer.source) {
    case "frontMatter":
      return {
        text: `$(calendar) ${label}`,
        tooltip: `copydesk: publication date ${full}.\nRelative dates in this draft are resolved against it.`,
        warning: false,
      };
    case "setting":
      return {
        text: `$(calendar) ${label}`,
        tooltip:
          `copydesk: publication date ${full}, from the copydesk.referenceDate setting.\n` +
          "Add a date: line to the draft's front matter to give this draft its own date.",
        warning: false,
      };
    case "assumed":
      return {
        text: `$(calendar) ${label} (assumed)`,
        tooltip:
          `copydesk: publication date ${full}: this draft gives no date, so today is assumed.\n` +
          "Add a date: line to its front matter, or set copydesk.referenceDate.",
        warning: true,
      };
    default:
      return {
        text: `$(calendar) ${label}`,
        tooltip: `copydesk: publication date ${full}.`,
        warning: false,
      };
  }
}
