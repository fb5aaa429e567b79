#pragma D option quiet
BEGIN { y = -16; z = -9223372036854775807 - 1; printf("%d %d\n", y >> 2, z >> 62); exit(0); }
