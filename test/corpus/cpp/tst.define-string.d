#pragma D option quiet
#define MSG "hello from cpp"
BEGIN { printf("%s\n", MSG); exit(0); }
