/**
 * BODY-POINT: the order of the điểm of one list (a b c d đ e g …, no f, j, w, z). One reading for
 * `vanban validate` (the model's points) and `vanban check` (a DOCX's paragraphs), so validation warns at
 * exactly the points the build's layout check refuses.
 */
import { POINT_LETTERS } from "./refs.ts";

export type PointVerdict = { kind: "in-order" } | { kind: "not-a-letter" } | { kind: "out-of-order"; expected: string | undefined };

export class PointOrder {
  private next = 0;

  /** A khoản ("1.") or an article: a new list of điểm starts. */
  restart(): void {
    this.next = 0;
  }

  /** The verdict on the list's next điểm, by its letter; "a" may always start a list anew. */
  take(letter: string): PointVerdict {
    const at = POINT_LETTERS.indexOf(letter);
    const expected = this.next;
    this.next = at + 1;
    if (at < 0) return { kind: "not-a-letter" };
    if (at !== 0 && at !== expected) return { kind: "out-of-order", expected: POINT_LETTERS[expected] };
    return { kind: "in-order" };
  }
}
