"""Reviews: real ones only, written by enrolled learners about their own experience,
summarised honestly, paginated and filtered, moderated by staff."""

from __future__ import annotations

import pytest
from django.urls import reverse

from nablalab.web.learning.models import Enrolment
from nablalab.web.reviews.listing import PER_PAGE
from nablalab.web.reviews.models import MAX_REVIEW_LENGTH, Review
from nablalab.web.reviews.summary import rating_summary
from tests.web.conftest import make_user

pytestmark = pytest.mark.django_db


def add_reviews(course, stars_list, **flags) -> list[Review]:
    reviews = []
    for index, stars in enumerate(stars_list):
        author = make_user(f"reviewer{len(Review.objects.all())}x{index}")
        Enrolment.objects.create(learner=author, course=course)
        reviews.append(Review.objects.create(course=course, author=author, stars=stars,
                                             text=f"Review number {index}: {stars} stars.",
                                             **flags))
    return reviews


def test_summary_is_computed_from_visible_reviews(course):
    add_reviews(course, [5, 5, 4, 2])
    add_reviews(course, [1], is_hidden=True)
    summary = rating_summary(course)
    assert summary.count == 4
    assert summary.average == 4.0  # (5 + 5 + 4 + 2) / 4
    assert [(bar.stars, bar.count, bar.percent) for bar in summary.bars] == [
        (5, 2, 50), (4, 1, 25), (3, 0, 0), (2, 1, 25), (1, 0, 0)]


def test_summary_without_reviews_claims_nothing(course):
    summary = rating_summary(course)
    assert summary.count == 0 and summary.average is None
    assert all(bar.count == 0 for bar in summary.bars)


def test_course_page_shows_summary_and_featured_reviews(client, course):
    featured, plain = add_reviews(course, [4, 3])
    featured.is_featured = True
    featured.save()
    html = client.get(reverse("catalog:course")).content.decode()
    assert "3.5</span> out of 5" in html
    featured_section = html[html.index("Featured reviews"):html.index("All reviews")]
    assert featured.text in featured_section and plain.text not in featured_section


def test_listing_filters_by_stars_and_paginates(client, course):
    add_reviews(course, [5] * (PER_PAGE + 2) + [3])
    first = client.get(reverse("reviews:list")).content.decode()
    assert f"Showing {PER_PAGE} of {PER_PAGE + 3} reviews" in first
    assert "Page 1 of 2" in first and 'rel="next" href="/reviews/?page=2"' in first
    three = client.get(reverse("reviews:list"), {"stars": 3}).content.decode()
    assert "Showing 1 of 1 3-star review" in three and "3 stars." in three
    assert "5 stars." not in three
    fives = client.get(reverse("reviews:list"), {"stars": 5, "page": 2}).content.decode()
    assert "Showing 2 of 12 5-star reviews" in fives
    assert 'href="/reviews/?page=1&amp;stars=5"' in fives


@pytest.mark.parametrize("stars", ["0", "6", "abc", "-1"])
def test_nonsense_filters_show_everything(client, course, stars):
    add_reviews(course, [2, 4])
    html = client.get(reverse("reviews:list"), {"stars": stars, "page": "x"}).content.decode()
    assert "Showing 2 of 2 reviews" in html


def test_htmx_gets_only_the_list(client, course):
    add_reviews(course, [4])
    response = client.get(reverse("reviews:list"), {"stars": 4}, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert html.lstrip().startswith('<div id="review-listing"') and "<html" not in html


def test_writing_needs_an_account_and_enrolment(client, learner_client, course):
    response = client.get(reverse("reviews:write"))
    assert response.status_code == 302 and response.url.startswith(reverse("login"))
    response = learner_client.post(reverse("reviews:write"), {"stars": 5, "text": "Lovely course"})
    assert response.status_code == 403 and "Enrol from the course page" in response.content.decode()
    assert not Review.objects.exists()


def test_enrolled_learner_writes_then_edits_one_review(enrolled_client, learner, course):
    response = enrolled_client.post(reverse("reviews:write"),
                                    {"stars": 4, "text": "Clear and well paced."})
    assert response.status_code == 302
    response = enrolled_client.post(reverse("reviews:write"),
                                    {"stars": 5, "text": "Even better the second time."})
    review = Review.objects.get()
    assert (review.author, review.stars, review.text) == (learner, 5,
                                                          "Even better the second time.")
    form_page = enrolled_client.get(reverse("reviews:write")).content.decode()
    assert "Edit your review" in form_page and "Even better the second time." in form_page


@pytest.mark.parametrize(("data", "message"), [
    ({"stars": 6, "text": "Out of range stars."}, "Select a valid choice"),
    ({"stars": 0, "text": "Out of range stars."}, "Select a valid choice"),
    ({"text": "No stars given at all."}, "Choose a rating from 1 to 5 stars."),
    ({"stars": 3, "text": "x" * (MAX_REVIEW_LENGTH + 1)}, "at most 2000 characters"),
    ({"stars": 3, "text": "short"}, "at least 10 characters"),
])
def test_bad_reviews_are_refused_with_a_reason(enrolled_client, course, data, message):
    response = enrolled_client.post(reverse("reviews:write"), data)
    assert response.status_code == 200 and message in response.content.decode()
    assert not Review.objects.exists()


def test_a_learner_cannot_edit_someone_elses_review(enrolled_client, learner, course):
    (theirs,) = add_reviews(course, [2])
    enrolled_client.post(reverse("reviews:write"), {
        "stars": 5, "text": "Trying to overwrite another review.", "id": theirs.id,
        "author": theirs.author_id, "pk": theirs.id})
    theirs.refresh_from_db()
    assert (theirs.stars, theirs.text) == (2, "Review number 0: 2 stars.")
    assert Review.objects.get(author=learner).text == "Trying to overwrite another review."


def test_review_text_is_shown_as_text_not_html(client, course):
    (review,) = add_reviews(course, [3])
    review.text = "<script>alert('x')</script> is what I typed"
    review.save()
    html = client.get(reverse("reviews:list")).content.decode()
    assert "<script>alert" not in html and "&lt;script&gt;alert" in html


def test_only_staff_moderate(client, enrolled_client, staff_client, course):
    (review,) = add_reviews(course, [5])
    url = reverse("reviews:moderate", args=[review.id])
    assert client.post(url, {"action": "feature"}).status_code == 302  # to the login page
    assert enrolled_client.post(url, {"action": "feature"}).status_code == 403
    assert staff_client.get(url).status_code == 405
    review.refresh_from_db()
    assert not review.is_featured


def test_staff_feature_and_hide_reviews(client, staff_client, course):
    (review,) = add_reviews(course, [1])
    url = reverse("reviews:moderate", args=[review.id])
    staff_client.post(url, {"action": "feature"})
    review.refresh_from_db()
    assert review.is_featured
    response = staff_client.post(url, {"action": "hide", "next": "https://evil.example/"})
    assert response.url == reverse("reviews:list")  # never an open redirect
    review.refresh_from_db()
    assert review.is_hidden
    html = client.get(reverse("catalog:course")).content.decode()
    assert review.text not in html and "No reviews yet" in html
    response = staff_client.post(url, {"action": "delete-everything"})
    assert response.status_code == 302
    assert Review.objects.filter(pk=review.pk).exists()


def test_staff_see_moderation_buttons_learners_do_not(client, staff_client, course):
    add_reviews(course, [4])
    assert 'value="feature"' in staff_client.get(reverse("reviews:list")).content.decode()
    assert 'value="feature"' not in client.get(reverse("reviews:list")).content.decode()
