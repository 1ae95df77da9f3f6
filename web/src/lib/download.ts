/** Downloads a file from the API with the person's token: inside Teams' iframe a plain link would
 * carry no token, so the file is fetched and saved through an object URL. */
import { type Api, ApiError, languageHeaders } from "./api";

/** The file name the server gave (Content-Disposition), or the fallback. */
export function filenameFrom(disposition: string | null, fallback: string): string {
  const match = /filename="([^"]+)"/.exec(disposition ?? "");
  return match?.[1] ?? fallback;
}

export async function downloadFile(api: Api, path: string, fallback: string): Promise<string> {
  const token = await api.token();
  let response: Response;
  try {
    response = await fetch(path, {
      headers: { Authorization: `Bearer ${token}`, ...languageHeaders(api.currentLanguage()) },
      credentials: "same-origin",
    });
  } catch (error) {
    throw new ApiError(0, "network", error instanceof Error ? error.message : String(error));
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (response.status === 401) api.forgetToken();
    throw new ApiError(response.status, body?.error?.code ?? "http_error", body?.error?.message ?? `HTTP ${response.status}`);
  }
  const name = filenameFrom(response.headers.get("Content-Disposition"), fallback);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement("a");
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
  return name;
}
