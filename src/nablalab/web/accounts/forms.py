from django import forms
from django.contrib.auth.forms import UserCreationForm
from django.contrib.auth.models import User


class SignUpForm(UserCreationForm):
    """Username and password, plus an e-mail address so a forgotten password can be reset."""

    email = forms.EmailField(max_length=254, help_text="Used only to reset your password.")

    class Meta(UserCreationForm.Meta):
        model = User
        fields = ("username", "email")

    def clean_email(self) -> str:
        email = self.cleaned_data["email"].strip().lower()
        if User.objects.filter(email__iexact=email).exists():
            raise forms.ValidationError("An account already uses this e-mail address: "
                                        "log in, or reset its password.")
        return email


class DeleteAccountForm(forms.Form):
    """Deleting an account cannot be undone, so it takes the password, not just a click."""

    password = forms.CharField(widget=forms.PasswordInput(attrs={"autocomplete":
                                                                 "current-password"}),
                               help_text="Your password, to confirm it is you.")

    def __init__(self, user: User, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self) -> str:
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError("That is not your password; nothing was deleted.")
        return password
