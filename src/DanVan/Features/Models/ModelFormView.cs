using DanVan.Domain.Models;

namespace DanVan.Features.Models;

/// <summary>What the registration form partial needs: the form, the fields in force and the bodies one may register with.</summary>
public sealed record ModelFormView(ModelForm Input, IReadOnlyList<ModelField> Fields, IReadOnlyList<(int Id, string Name)> Bodies);
