#pragma D option quiet
// with -C the preprocessor removes this comment
BEGIN { printf("comment stripped\n"); exit(0); }
