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
  const first = `copydesk: publication date ${answer.description || answer.date}.`;
  switch (answer.source) {
    case "assumed":
      return {
        text: `$(calendar) ${label} (assumed)`,
        tooltip:
          `${first}\nThis draft gives no date, so today is assumed: add a date: line to its ` +
          "front matter, or set copydesk.referenceDate.",
        warning: true,
      };
    case "setting":
      return {
        text: `$(calendar) ${label}`,
        tooltip:
          `${first}\nRelative dates are resolved against it. A date: line in the draft's ` +
          "front matter, or its dateline, takes precedence over a configured reference date.",
        warning: false,
      };
    default:
      // "frontMatter", "dateline" and any later source the server names in its description.
      return {
        text: `$(calendar) ${label}`,
        tooltip: `${first}\nRelative dates in this draft are resolved against it.`,
        warning: false,
      };
  }
}
