/* Aggregation entries with string keys take their whole strsize of aggsize. */
#pragma D option quiet
#pragma D option strsize=512
#pragma D option aggsize=1k
BEGIN { @n["a"] = count(); @n["b"] = count(); @n["c"] = count(); exit(0); }
