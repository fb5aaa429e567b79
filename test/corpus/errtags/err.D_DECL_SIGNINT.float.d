unsigned float f;
BEGIN { exit(0); }
