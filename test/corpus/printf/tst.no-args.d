#pragma D option quiet
BEGIN { printf("plain text"); printf(" continues\n"); exit(0); }
