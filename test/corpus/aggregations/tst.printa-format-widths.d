#pragma D option quiet
BEGIN { @a["ab"] = sum(7); printa("[%-4s][%@5d][%@-5d]\n", @a); exit(0); }
