#pragma D option quiet
BEGIN { s = "value"; trace(s); trace("\n"); exit(0); }
