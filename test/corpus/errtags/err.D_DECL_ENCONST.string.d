enum e { A = "x" };
BEGIN { exit(0); }
