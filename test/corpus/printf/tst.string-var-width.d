#pragma D option quiet
BEGIN { s = "ab"; printf("|%-4s|%4s|\n", s, s); exit(0); }
