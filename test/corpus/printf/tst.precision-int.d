#pragma D option quiet
BEGIN { printf("[%.3d][%8.3d][%-8.3d]\n", 7, 7, 7); exit(0); }
