/** Finding people by name: suggestions, the directory search and profile photos (API /api/people). */
import type { Api } from "./api";
import type { components } from "./api/schema";

export type Candidate = components["schemas"]["CandidateOut"];
export type Relation = NonNullable<Candidate["relation"]>;

export const MIN_QUERY = 2;
export const MAX_QUERY = 64;

export async function peopleSuggestions(api: Api, meetingId?: string | null): Promise<Candidate[]> {
  const query = meetingId ? `?meeting_id=${encodeURIComponent(meetingId)}` : "";
  return (await api.get<components["schemas"]["CandidateList"]>(`/api/people/suggestions${query}`)).items;
}

export async function searchPeople(api: Api, text: string, signal?: AbortSignal): Promise<Candidate[]> {
  const path = `/api/people/search?q=${encodeURIComponent(text)}`;
  return (await api.get<components["schemas"]["CandidateList"]>(path, signal)).items;
}

/** A photo as a data: URL (the pages' Content-Security-Policy allows images from data:, not blob:). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** Photos are fetched once per person and page, null when the person has none. */
const photos = new Map<string, Promise<string | null>>();

export function personPhoto(api: Api, objectId: string): Promise<string | null> {
  let found = photos.get(objectId);
  if (!found) {
    found = api
      .blob(`/api/people/${encodeURIComponent(objectId)}/photo`)
      .then((blob) => (blob ? dataUrl(blob) : null))
      .catch(() => {
        photos.delete(objectId); // a hiccup: try again next time, initials meanwhile
        return null;
      });
    photos.set(objectId, found);
  }
  return found;
}

/** "Mette Sørensen" -> "MS"; "Freja" -> "F". */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "?";
  const first = words[0][0] ?? "";
  const last = words.length > 1 ? (words[words.length - 1][0] ?? "") : "";
  return (first + last).toUpperCase();
}
