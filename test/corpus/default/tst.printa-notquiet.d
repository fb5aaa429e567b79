BEGIN { @a = sum(4); printa("v=%@d", @a); exit(0); }
