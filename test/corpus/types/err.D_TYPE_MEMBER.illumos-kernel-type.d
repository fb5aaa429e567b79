/* A kernel type from the illumos library has only its own members. */
BEGIN
{
	this->tq = (taskq_t *)alloca(sizeof (taskq_t));
	trace(this->tq->tq_no_such_member);
}
