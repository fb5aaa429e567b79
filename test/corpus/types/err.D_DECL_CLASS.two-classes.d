/* One storage class per declaration. */
self this int x;
BEGIN { exit(0); }
