/*
 * Intrusive lists in the manner of <sys/queue.h>, prefixed so they never
 * clash with the host's copy (glibc's lacks the _SAFE walkers).
 *
 * SPDX-License-Identifier: GPL-2.0-only
 */
#ifndef BSD_QUEUE_H
#define BSD_QUEUE_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Doubly linked list with a one-pointer head. */
#define BSD_LIST_HEAD(name, type)	struct name { struct type *lh_first; }
#define BSD_LIST_ENTRY(type)						\
	struct { struct type *le_next; struct type **le_prev; }
#define BSD_LIST_FIRST(head)		((head)->lh_first)
#define BSD_LIST_NEXT(elm, field)	((elm)->field.le_next)
#define BSD_LIST_EMPTY(head)		((head)->lh_first == NULL)
#define BSD_LIST_INIT(head)		((head)->lh_first = NULL)
#define BSD_LIST_INSERT_HEAD(head, elm, field) do {			\
	if (((elm)->field.le_next = (head)->lh_first) != NULL)		\
		(head)->lh_first->field.le_prev = &(elm)->field.le_next;\
	(head)->lh_first = (elm);					\
	(elm)->field.le_prev = &(head)->lh_first;			\
} while (0)
#define BSD_LIST_REMOVE(elm, field) do {				\
	if ((elm)->field.le_next != NULL)				\
		(elm)->field.le_next->field.le_prev =			\
		    (elm)->field.le_prev;				\
	*(elm)->field.le_prev = (elm)->field.le_next;			\
	(elm)->field.le_prev = NULL;					\
} while (0)
#define BSD_LIST_FOREACH(var, head, field)				\
	for ((var) = (head)->lh_first; (var); (var) = (var)->field.le_next)
#define BSD_LIST_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = (head)->lh_first;					\
	    (var) && ((tvar) = (var)->field.le_next, 1); (var) = (tvar))

/* Tail queue: O(1) append and removal anywhere. */
#define BSD_TAILQ_HEAD(name, type)					\
	struct name { struct type *tqh_first; struct type **tqh_last; }
#define BSD_TAILQ_ENTRY(type)						\
	struct { struct type *tqe_next; struct type **tqe_prev; }
#define BSD_TAILQ_FIRST(head)		((head)->tqh_first)
#define BSD_TAILQ_NEXT(elm, field)	((elm)->field.tqe_next)
#define BSD_TAILQ_EMPTY(head)		((head)->tqh_first == NULL)
#define BSD_TAILQ_INIT(head) do {					\
	(head)->tqh_first = NULL;					\
	(head)->tqh_last = &(head)->tqh_first;				\
} while (0)
#define BSD_TAILQ_INSERT_TAIL(head, elm, field) do {			\
	(elm)->field.tqe_next = NULL;					\
	(elm)->field.tqe_prev = (head)->tqh_last;			\
	*(head)->tqh_last = (elm);					\
	(head)->tqh_last = &(elm)->field.tqe_next;			\
} while (0)
#define BSD_TAILQ_INSERT_BEFORE(listelm, elm, field) do {		\
	(elm)->field.tqe_prev = (listelm)->field.tqe_prev;		\
	(elm)->field.tqe_next = (listelm);				\
	*(listelm)->field.tqe_prev = (elm);				\
	(listelm)->field.tqe_prev = &(elm)->field.tqe_next;		\
} while (0)
#define BSD_TAILQ_REMOVE(head, elm, field) do {				\
	if ((elm)->field.tqe_next != NULL)				\
		(elm)->field.tqe_next->field.tqe_prev =			\
		    (elm)->field.tqe_prev;				\
	else								\
		(head)->tqh_last = (elm)->field.tqe_prev;		\
	*(elm)->field.tqe_prev = (elm)->field.tqe_next;			\
	(elm)->field.tqe_prev = NULL;					\
} while (0)
#define BSD_TAILQ_FOREACH(var, head, field)				\
	for ((var) = (head)->tqh_first; (var); (var) = (var)->field.tqe_next)
#define BSD_TAILQ_FOREACH_SAFE(var, head, field, tvar)			\
	for ((var) = (head)->tqh_first;					\
	    (var) && ((tvar) = (var)->field.tqe_next, 1); (var) = (tvar))
/* Backwards, as BSD does it: the head's struct must have a name. */
#define BSD_TAILQ_LAST(head, headname)					\
	(*(((struct headname *)((head)->tqh_last))->tqh_last))
#define BSD_TAILQ_PREV(elm, headname, field)				\
	(*(((struct headname *)((elm)->field.tqe_prev))->tqh_last))
#define BSD_TAILQ_FOREACH_REVERSE_SAFE(var, head, headname, field, tvar) \
	for ((var) = BSD_TAILQ_LAST((head), headname);			\
	    (var) && ((tvar) = BSD_TAILQ_PREV((var), headname, field), 1); \
	    (var) = (tvar))

#ifdef __cplusplus
}
#endif

#endif /* BSD_QUEUE_H */
