from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from nablalab.course import ContentError
from nablalab.web.prepare import sync_content


class Command(BaseCommand):
    help = "Load or update the course from its Markdown content (safe to repeat)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--content-dir", type=Path, default=None,
                            help="the content folder (default: NABLALAB_CONTENT_DIR or content/)")

    def handle(self, *args, content_dir: Path | None = None, **options) -> None:
        try:
            summary = sync_content(content_dir or Path(settings.CONTENT_DIR))
        except ContentError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(summary)
