/* An attribute given twice is an invalid combination. */
BEGIN { trace((short short)1); exit(0); }
