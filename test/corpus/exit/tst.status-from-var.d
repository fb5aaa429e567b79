#pragma D option quiet
BEGIN { s = 2 * 3; exit(s); }
