/* timestamp belongs to the tracer: a program may read it but never store to it */
BEGIN
{
	timestamp = 10;
	exit(0);
}
