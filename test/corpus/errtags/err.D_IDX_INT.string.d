int a[4];
BEGIN { a["x"] = 1; exit(0); }
