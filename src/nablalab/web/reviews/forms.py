from django import forms

from nablalab.web.reviews.models import MAX_REVIEW_LENGTH, STARS, Review


class ReviewForm(forms.ModelForm):
    stars = forms.TypedChoiceField(
        choices=[(n, f"{n} star" + ("s" if n > 1 else "")) for n in reversed(STARS)],
        coerce=int, widget=forms.RadioSelect, label="Your rating",
        error_messages={"required": "Choose a rating from 1 to 5 stars."})
    text = forms.CharField(
        max_length=MAX_REVIEW_LENGTH, min_length=10, strip=True, label="Your review",
        widget=forms.Textarea(attrs={"rows": 6, "maxlength": MAX_REVIEW_LENGTH}),
        help_text=f"What helped, what did not? 10 to {MAX_REVIEW_LENGTH} characters.")

    class Meta:
        model = Review
        fields = ("stars", "text")
