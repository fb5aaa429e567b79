/* += on a void pointer: what it points to has no size to step by. */
BEGIN
{
	this->p = alloca(8);
	this->p += 1;
}
