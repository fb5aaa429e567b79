/*
 * An intrusive doubly-linked list (the kernel's list_t): O(1) append, insert at head, unlink
 * and next/prev. Objects carry their own links, so an object is on at most one list at a time
 * (a zone on zone_active, an entry on a zone's zone_zsd or on zsd_registered_keys).
 */

export interface Linked<T> {
  lprev: T | null;
  lnext: T | null;
  lon: object | null;
}

export class KList<T extends Linked<T>> {
  head: T | null = null;
  tail: T | null = null;
  size = 0;

  append(x: T): void {
    x.lprev = this.tail;
    x.lnext = null;
    if (this.tail) this.tail.lnext = x;
    else this.head = x;
    this.tail = x;
    x.lon = this;
    this.size++;
  }

  prepend(x: T): void {
    x.lnext = this.head;
    x.lprev = null;
    if (this.head) this.head.lprev = x;
    else this.tail = x;
    this.head = x;
    x.lon = this;
    this.size++;
  }

  remove(x: T): void {
    if (x.lon !== this) return;
    if (x.lprev) x.lprev.lnext = x.lnext;
    else this.head = x.lnext;
    if (x.lnext) x.lnext.lprev = x.lprev;
    else this.tail = x.lprev;
    x.lprev = x.lnext = null;
    x.lon = null;
    this.size--;
  }

  /** list_next: the element after `x` (null at the end or if `x` is not on this list). */
  next(x: T): T | null {
    return x.lon === this ? x.lnext : null;
  }

  *[Symbol.iterator](): Generator<T> {
    for (let x = this.head; x; x = x.lnext) yield x;
  }
}
