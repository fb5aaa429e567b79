#pragma D option quiet
BEGIN { @[$$1] = sum($2); exit(0); }
