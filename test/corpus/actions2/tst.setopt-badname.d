#pragma D option quiet
BEGIN { setopt("Nosuchoption"); }
BEGIN { printf("after\n"); exit(0); }
