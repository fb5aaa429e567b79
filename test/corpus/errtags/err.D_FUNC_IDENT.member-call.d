BEGIN
{
	self->handler(3);
	exit(0);
}
