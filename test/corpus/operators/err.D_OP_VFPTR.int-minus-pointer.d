/* -= into an integer of a pointer value: the target would need to be a pointer of known size. */
int n;

BEGIN
{
	n = 1;
	n -= alloca(4);
}
