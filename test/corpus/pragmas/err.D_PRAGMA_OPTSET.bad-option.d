#pragma D option nonesuch=1
BEGIN { exit(0); }
