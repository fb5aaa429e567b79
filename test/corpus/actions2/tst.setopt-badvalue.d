#pragma D option quiet
BEGIN { setopt("aggsortkeypos", "none"); }
BEGIN { printf("after\n"); exit(0); }
