/* void pointers do not take part in pointer arithmetic. */
void *p;
BEGIN { trace((long)(p + 1)); exit(0); }
