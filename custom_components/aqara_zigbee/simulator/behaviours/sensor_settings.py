"""A numeric 0xFCC0 setting of a battery sensor (detection period, 1-59 s)."""

from __future__ import annotations

from ..clusters import LUMI_CLUSTER
from ..properties import Property, PropertyError, as_number
from .settings import LumiSetting


class LumiNumber(LumiSetting):
    """A whole number between ``minimum`` and ``maximum`` (the firmware refuses others)."""

    def __init__(
        self, name: str, attribute: int, type_id: int, *, minimum: int, maximum: int, default: int
    ) -> None:
        super().__init__(
            name,
            attribute,
            type_id,
            {number: number for number in range(minimum, maximum + 1)},
            default=default,
        )
        self.minimum = minimum
        self.maximum = maximum

    def properties(self) -> list[Property]:
        def change(value: object, report: bool) -> None:
            number = as_number(value)
            if not number.is_integer() or int(number) not in self.values:
                raise PropertyError(f"{self.name}: {value!r} is not {self.minimum}-{self.maximum}")
            self.write(int(number))
            if report:
                self.device.report_attribute(self.endpoint, LUMI_CLUSTER, self.attribute)

        def pick(current: object) -> object:
            number = int(as_number(current)) + 7
            return number if number <= self.maximum else self.minimum

        return [Property(self.name, read=lambda: self.raw, change=change, pick=pick, writable=True)]
