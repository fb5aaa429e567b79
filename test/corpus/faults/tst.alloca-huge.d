/*
 * alloca()'s size is unsigned: all ones is the largest size there is, not -1, and no scratch
 * space holds it.
 */
#pragma D option quiet

BEGIN
{
	this->p = alloca(0xffffffffffffffff);
}

ERROR
{
	printf("fault %d\n", arg4);
}

BEGIN
{
	exit(0);
}
