//! `copydesk.sheet`: the fact-check sheet of an open draft, in the format the editor asks for.

use super::*;

/// The command that returns an open draft's fact-check sheet (`workspace/executeCommand`).
pub const SHEET_COMMAND: &str = "copydesk.sheet";

/// The fact-check sheet of an open draft in `format` ("html", "md" or "json"), as the result
/// of [`SHEET_COMMAND`]: `{ "format", "headline", "content" }`.
pub fn sheet(snapshot: &Snapshot, uri: &Url, format: &str) -> Result<serde_json::Value, String> {
    let results = match &snapshot.outcome {
        Outcome::Analysed(results) => results,
        Outcome::NotChecked(reason) => {
            return Err(format!("copydesk did not check this draft: {reason}"))
        }
    };
    let text = snapshot.rope.to_string();
    let name = uri
        .path_segments()
        .and_then(|mut segments| segments.next_back().map(str::to_string))
        .filter(|name| !name.is_empty())
        .unwrap_or_else(|| uri.to_string());
    let name = percent_decoded(&name);
    let sheet = crate::sheet::Sheet::build(&name, &text, results.analysis());
    let (format, content) = match format {
        "html" => ("html", sheet.to_html()),
        "md" | "markdown" => ("md", sheet.to_markdown()),
        "json" => (
            "json",
            serde_json::to_string_pretty(&sheet.to_json()).map_err(|error| error.to_string())?,
        ),
        other => {
            return Err(format!(
                "unknown sheet format {other:?}; use \"html\", \"md\" or \"json\""
            ))
        }
    };
    Ok(json!({ "format": format, "headline": sheet.headline, "content": content }))
}

/// A URI path segment with its %XX escapes decoded (a draft named "ferry fares.md").
fn percent_decoded(segment: &str) -> String {
    let bytes = segment.as_bytes();
    let mut decoded = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while index < bytes.len() {
        if bytes[index] == b'%' && index + 2 < bytes.len() {
            let hex = std::str::from_utf8(&bytes[index + 1..index + 3]).ok();
            if let Some(byte) = hex.and_then(|hex| u8::from_str_radix(hex, 16).ok()) {
                decoded.push(byte);
                index += 3;
                continue;
            }
        }
        decoded.push(bytes[index]);
        index += 1;
    }
    String::from_utf8_lossy(&decoded).into_owned()
}
