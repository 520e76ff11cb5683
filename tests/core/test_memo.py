"""fastapi._core.memo: answers remembered per object identity, as long as the object lives."""

from __future__ import annotations

import gc

from fastapi._core.memo import IdentityMemo


class Thing:
    pass


def test_an_answer_is_computed_once_per_object_not_per_equal_value() -> None:
    calls: list[object] = []

    def compute(obj: object) -> int:
        calls.append(obj)
        return len(calls)

    memo = IdentityMemo(compute)
    first, second = {"a": 1}, {"a": 1}
    assert (memo(first), memo(first), memo(second)) == (1, 1, 2)
    assert calls == [first, second]


def test_weakly_referenceable_objects_leave_the_memo_with_their_life() -> None:
    memo = IdentityMemo(lambda obj: "answer")
    things = [Thing() for _ in range(50)]
    for thing in things:
        memo(thing)
    assert len(memo) == 50
    del things, thing
    gc.collect()
    assert len(memo) == 0


def test_other_objects_are_held_so_that_their_id_is_not_reused() -> None:
    memo = IdentityMemo(lambda obj: len(obj))
    memo([1, 2, 3])  # the list lives on in the memo: no other object gets its id
    gc.collect()
    assert len(memo) == 1


def test_the_limit_bounds_the_held_objects() -> None:
    memo = IdentityMemo(lambda obj: 0, limit=10)
    held = [[n] for n in range(25)]
    for item in held:
        memo(item)
    assert len(memo) <= 10


def test_a_dropped_memo_is_not_touched_by_its_objects_dying_later() -> None:
    memo = IdentityMemo(lambda obj: 0)
    thing = Thing()
    memo(thing)
    del memo
    gc.collect()
    del thing  # its callback finds no memo
    gc.collect()


def test_clear_forgets_everything() -> None:
    memo = IdentityMemo(lambda obj: object())
    thing = Thing()
    answer = memo(thing)
    memo.clear()
    assert memo(thing) is not answer
