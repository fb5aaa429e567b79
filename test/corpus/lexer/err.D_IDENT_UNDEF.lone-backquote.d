/* A backquote may stand anywhere in a name, even alone: then it names nothing known. */
BEGIN
{
	trace(sizeof (`));
}
